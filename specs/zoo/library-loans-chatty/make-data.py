#!/usr/bin/env python3
"""Writes data.csv: 360 library loans from the branch system's spring export (deterministic)."""
import csv
import random
from datetime import date, timedelta

BRANCHES = ["Main", "Riverside", "Hillcrest", "Eastgate"]
FORMATS = ["book", "dvd", "audiobook", "magazine"]
rng = random.Random(20240301)
first = date(2024, 3, 1)

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["loan_id", "borrowed_on", "branch", "item_format", "renewals", "patron_age", "holds_waiting", "overdue"])
    for i in range(360):
        borrowed = first + timedelta(days=rng.randrange(0, 92))
        fmt = rng.choices(FORMATS, weights=[70, 12, 10, 8])[0]
        renewals = min(3, int(rng.expovariate(1.2)))
        age = None if rng.random() < 0.06 else rng.randrange(8, 90)
        holds = rng.randrange(0, 6) if rng.random() < 0.3 else 0
        overdue = int(renewals >= 2 or (holds > 2 and rng.random() < 0.4))
        out.writerow([f"L{i + 1:05d}", borrowed.isoformat(), rng.choice(BRANCHES), fmt, renewals, "" if age is None else age, holds, overdue])
