#!/usr/bin/env python3
"""Writes data.csv: 450 hotel bookings (arrivals in 2024) with the cancellation label (deterministic)."""
import csv
import random
from datetime import date, timedelta

rng = random.Random(1984)

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["booking_id", "booked_on", "arrival_date", "hotel", "adults", "children", "adr",
                  "previous_bookings", "previous_cancellations", "deposit_type", "is_canceled"])
    for i in range(450):
        arrival = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 366))
        lead = int(rng.expovariate(1 / 70))
        previous = rng.choice([0, 0, 0, 0, 1, 2, 3, 5])
        prev_cancel = min(previous, rng.choice([0, 0, 0, 1, 2]))
        deposit = rng.choice(["No Deposit"] * 8 + ["Non Refund", "Refundable"])
        canceled = int(rng.random() < 0.22 + 0.002 * min(lead, 150) + 0.1 * prev_cancel)
        out.writerow([
            f"BK{24000 + i}", (arrival - timedelta(days=lead)).isoformat(), arrival.isoformat(),
            rng.choice(["City Hotel", "City Hotel", "Resort Hotel"]), rng.choice([1, 2, 2, 2, 3]),
            "" if rng.random() < 0.04 else rng.choice([0, 0, 0, 1, 2]), round(rng.uniform(-5, 1) if rng.random() < 0.02 else rng.gauss(105, 35), 2),
            previous, prev_cancel, deposit, canceled,
        ])
