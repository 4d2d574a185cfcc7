"""What tests of every folder share: test campaigns (:mod:`support.campaigns`) and MkDocs
projects for whole builds (:mod:`support.projects`)."""
