"""Editing one record in the app: an actor, a policy, an alliance and its members.

    records.py  the change as data: the dataset with one record added, changed or retired, built as
                rows of the dataset format and validated by the same code as a file
    edits.py    the change written: a new version of its dataset through `access.Writes`
                (role check, reload guard, history, audit)

Sits beside `access/` and `history/`: it reads `datasets/` and writes only through `Writes`.
"""
