#!/usr/bin/env python3
"""Parcel features for the late-delivery model: whole batch in, whole batch out."""
import json
import sys
from datetime import date

CARRIERS = ["UPS", "DHL", "GLS", "DPD", "FedEx"]

rows = [json.loads(line) for line in sys.stdin]
out = []
for r in rows:
    shipped = date.fromisoformat(r["shipped_on"])
    promised = date.fromisoformat(r["promised_on"])
    out.append({
        "promised_days": (promised - shipped).days,
        "ship_weekday": shipped.weekday(),
        "carrier_idx": CARRIERS.index(r["carrier"]),
        "is_express": r["service"].lower() == "express",
        "weight_capped": min(r["weight_kg"], 30.0),
        "distance_100km": r["distance_km"] / 100,
    })
for features in out:
    print(json.dumps(features))
