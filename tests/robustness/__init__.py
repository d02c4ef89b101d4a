"""Hostile input and failure (issue 10): kg keeps working and loses nothing."""
