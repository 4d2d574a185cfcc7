"""The only part of campaignkit that talks to MkDocs (or ProperDocs)."""
