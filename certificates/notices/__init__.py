"""The notice engine: stages, the ledger, the daily scan, digests and their e-mail, over sources the apps register.

It imports no app (DESIGN.md §2): a source says which rows are due and how a row reads; the registered parties
say who issues a digest, who receives it and who may see a notice.
"""
