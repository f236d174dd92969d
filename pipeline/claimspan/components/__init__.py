"""claimspan's spaCy components, one per module, each a factory ``claimspan_<name>``
(spaCy forbids "." in factory names, error E853).

Importing this package registers every factory (the entry points in
pyproject.toml do the same for anyone's pipeline).
"""
from claimspan.components import (  # noqa: F401  (imported for factory registration)
    sentences,
    speakers,
    docdate,
    dates,
    claims,
    organizations,
    resolutions,
    overlaps,
)
