"""Contributions without git: GitHub issue forms generated from the format, and an issue
made with one turned into a checked campaign file."""
