"""The portal: many campaigns in one repository published as one site.

:mod:`~campaignkit.portal.index` makes the index page that lists them,
:mod:`~campaignkit.portal.pool` builds their microsites in worker processes,
:mod:`~campaignkit.portal.sites` keeps finished microsites for the next build and
:mod:`~campaignkit.portal.shards` splits a build over several machines. Nothing here imports
MkDocs: the adapter passes its member build to the pool.
"""
