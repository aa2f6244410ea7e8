#!/usr/bin/env python3
"""Writes data.csv: 1,000 parcels from the shipping export (deterministic).

Three rows carry a date that passes the export's YYYY-MM-DD format check but is not a calendar date
(2024-02-30, 2024-04-31, 2023-11-31): a known bug of the depot scanners' manual-entry screen.
"""
import csv
import random
from datetime import date, timedelta

CARRIERS = ["UPS", "DHL", "GLS", "DPD", "FedEx"]
BAD_DATES = {212: ("shipped_on", "2024-02-30"), 508: ("shipped_on", "2024-04-31"), 871: ("promised_on", "2023-11-31")}
rng = random.Random(1000)

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["parcel_id", "shipped_on", "promised_on", "carrier", "service", "weight_kg", "distance_km", "delivered_late"])
    for i in range(1000):
        shipped = date(2023, 6, 1) + timedelta(days=rng.randrange(0, 365))
        express = rng.random() < 0.25
        promised = shipped + timedelta(days=rng.choice([1, 2]) if express else rng.randint(2, 6))
        row = {
            "parcel_id": f"PCL{500000 + i}",
            "shipped_on": shipped.isoformat(),
            "promised_on": promised.isoformat(),
            "carrier": rng.choice(CARRIERS),
            "service": rng.choice(["Express", "express"]) if express else "standard",
            "weight_kg": round(rng.lognormvariate(0.8, 0.9), 2),
            "distance_km": round(rng.uniform(3, 1200), 1),
        }
        if i in BAD_DATES:
            column, text = BAD_DATES[i]
            row[column] = text
        row["delivered_late"] = int(rng.random() < 0.08 + row["distance_km"] / 8000)
        out.writerow(row.values())
