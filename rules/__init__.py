"""Rule data only. This file makes ``rules/`` the package ``claimspan.rules`` so
that the rule files ship inside the wheel and are found with importlib.resources
(see pyproject.toml and ``claimspan.ruleset``); no code belongs here."""
