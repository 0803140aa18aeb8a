"""A generated corpus of realistic fixture files for measuring ``nirkit lint`` (issue 8).

``build`` writes the files and, beside them, the truth (``truth.json``): where
every valid number, broken number and lookalike was written. The truth is kept
while writing, from numbers built here from the rules of RULES.md, never by
asking nirkit. ``measure`` runs the real command on the files and compares.
"""
