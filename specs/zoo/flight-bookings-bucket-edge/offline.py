#!/usr/bin/env python3
"""Booking features for the no-show model (overbooking team). Booking windows follow the revenue team's
fare buckets: up to 7 days, up to 14, up to 30, up to 60, more."""
import json
import sys
from datetime import date, datetime

CABINS = ["economy", "premium", "business"]
WINDOW_EDGES = [7, 14, 30, 60]


def booking_window(days):
    for i, edge in enumerate(WINDOW_EDGES):
        if days <= edge:
            return i
    return len(WINDOW_EDGES)


def features(b):
    if not isinstance(b["n_passengers"], int) or b["n_passengers"] < 1:
        raise ValueError(f"booking {b['booking_ref']}: n_passengers must be a positive integer")
    return {
        "booking_window": booking_window(b["days_to_departure"]),
        "fare_per_pax": b["fare_usd"] / b["n_passengers"],
        "cabin_idx": CABINS.index(b["cabin"]) if b["cabin"] in CABINS else -1,
        "departs_weekend": date.fromisoformat(b["departure_date"]).weekday() >= 5,
        "booked_hour": datetime.fromisoformat(b["booked_at"]).hour,
    }


bookings = [json.loads(line) for line in sys.stdin]
results = list(map(features, bookings))
for r in results:
    print(json.dumps(r))
