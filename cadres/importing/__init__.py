"""The import core that the roster (花名册) and .lrmx readers feed: one of each thing they share.

`synonyms` holds the vocabularies as the national standards and cadre files write them, `dates`
the one date parser, `problems` the one error type, `identity` the rule for "the same person",
`outcome` the plan type, `pending` the store of uploads waiting for confirmation and `collection`
the pause of the cyclic garbage collector during bulk work.
"""
