"""The staffing pages: the 科室配备 board, the cover calendar, leave, pairings and the rotation planner."""
