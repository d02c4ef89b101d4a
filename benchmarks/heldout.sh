#!/usr/bin/env bash
# Score kg on the held-out articles (tests/data/heldout): articles in other outlets' styles
# (wire copy, government press releases, long-form, a live blog) about the seed events,
# with gold facts written before kg was run on them. Prints every wrong and missed fact,
# then "F1 ... precision ... recall ...". Needs ../shared/eval/score.py beside the checkout.
#   usage: benchmarks/heldout.sh [-v]
set -euo pipefail
cd "$(dirname "$0")/.."
SCORE="${KG_SCORE:-../shared/eval/score.py}"
DATA=tests/data/heldout
exec .venv/bin/python "$SCORE" --articles "$DATA" --gold "$DATA/gold.tsv" \
    --entities "$DATA/entities.tsv" --kg .venv/bin/kg "$@"
