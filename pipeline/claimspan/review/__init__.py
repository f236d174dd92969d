"""Review tools for people reading the results: ``claimspan report`` (one
self-contained HTML page with every span highlighted in its document) and
``claimspan show`` (a terminal summary). Both read the Parquet outputs only,
so they work on any run, sharded or not, without spaCy."""
