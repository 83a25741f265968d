"""The young-cadre pool (年轻干部库): who is in it on any date, with which status, and the moves.

models (re-exported by cadres.models; the QuerySet holds the rule of status on a date), selectors (reads),
services (entering, moving, leaving), stats (the counts per status and unit), forms, views and urls.
"""
