"""Resolution: mentions to canonical entities, one node per real-world entity.

Names are made canonical with the gazetteer of ``ontology/gazetteer/`` (countries from
pycountry with capitals and demonyms, organisations, people, metonyms), pronouns and
definite descriptions are resolved within their article, agreements become entities
keyed by kind and parties, and an alias table keeps every name's key across builds.
The naming policy is in the README ("Naming policy").
"""

from kg.resolve.resolver import LABEL_TYPES, ResolveError, Resolver

__all__ = ["Resolver", "ResolveError", "LABEL_TYPES"]
