"""Importing the Excel rosters (花名册) clerks keep: read, validate every row, then apply all or nothing.

`reader` opens the file and finds the header, `cells` turns cell values into field values,
`plan` validates the rows against the database and decides what each would do, and `services`
saves a plan in one transaction with its ImportBatch and audit event.
"""
