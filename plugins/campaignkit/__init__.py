"""campaignkit: climate participation campaigns from YAML to microsite and communication kit."""

__version__ = "0.1.0"
