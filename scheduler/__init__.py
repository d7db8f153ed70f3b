"""Scheduled work: weekly tallies, follow-up reminders, nudges. APScheduler 3 (the stable
line) wakes the process; what is due is worked out from the database, so work that fell due
while the bot was down is done once after it starts, and never twice."""
