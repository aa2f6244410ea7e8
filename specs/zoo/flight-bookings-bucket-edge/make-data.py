#!/usr/bin/env python3
"""Writes data.csv: 450 flight bookings with the no-show label (deterministic). days_to_departure comes from
the warehouse (departure date minus booking date, in whole days)."""
import csv
import random
from datetime import datetime, timedelta, timezone

rng = random.Random(747)

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["booking_ref", "booked_at", "departure_date", "cabin", "fare_usd", "days_to_departure", "n_passengers", "no_show"])
    for i in range(450):
        booked = datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(0, 300 * 86400))
        days = min(330, int(rng.expovariate(1 / 45)))
        cabin = rng.choice(["economy"] * 7 + ["premium", "business", "business"])
        pax = rng.choice([1, 1, 1, 2, 2, 3, 4])
        fare = round(pax * rng.uniform(80, 400) * (4 if cabin == "business" else 1.6 if cabin == "premium" else 1), 2)
        no_show = int(rng.random() < 0.03 + (0.06 if days < 3 else 0) + (0.04 if cabin == "economy" else 0))
        code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
        out.writerow([code, booked.strftime("%Y-%m-%dT%H:%M:%SZ"), (booked + timedelta(days=days)).date().isoformat(),
                      cabin, fare, days, pax, no_show])
