"""The documents an inspection issues: the check record, the violation record and the penalty decision.

Each kind is a pure renderer (plain data in, PDF bytes out) in a package of its own; `layout` holds what they share
(the record page, the parties' fields, signatures, money and clock formats).
"""
