"""Writes to the department's staffing: leave, A/B pairings and their review, rotations.

Each service checks what the rules require, runs full_clean(), saves inside one transaction and records an
audit event; a refusal raises ValidationError with a Chinese message and leaves the data as it was. Who may
call them is the views' business.
"""
