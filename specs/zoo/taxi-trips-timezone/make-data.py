#!/usr/bin/env python3
"""Writes data.csv: 500 yellow-cab trips from 2024 (pickup times in UTC, as the meter vendor logs them)."""
import csv
import random
from datetime import datetime, timedelta, timezone

BOROUGHS = ["Manhattan"] * 6 + ["Brooklyn", "Brooklyn", "Queens", "Queens", "Bronx", "Staten Island", "EWR"]
rng = random.Random(2024)

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["trip_id", "pickup_at", "pickup_borough", "passenger_count", "trip_distance_mi", "payment_type", "tipped"])
    for i in range(500):
        pickup = datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=rng.randrange(0, 366 * 24 * 60))
        borough = rng.choice(BOROUGHS)
        distance = 0.0 if rng.random() < 0.03 else round(rng.lognormvariate(0.9, 0.8) + (15 if borough == "EWR" else 0), 2)
        passengers = "" if rng.random() < 0.05 else rng.choice([1, 1, 1, 1, 2, 2, 3, 4, 5, 0])
        payment = "card" if rng.random() < 0.72 else "cash"
        tipped = int(payment == "card" and rng.random() < 0.85)
        out.writerow([f"T{i + 1:06d}", pickup.strftime("%Y-%m-%dT%H:%M:%SZ"), borough, passengers, distance, payment, tipped])
