#!/usr/bin/env python3
"""Booking features for the cancellation model (training pipeline over the bookings table)."""
import json
import sys
from datetime import date

bookings = [json.loads(line) for line in sys.stdin]
features = []
for b in bookings:
    # Guest history comes from the CRM snapshot taken after checkout, so it already counts this booking.
    cancellations = b["previous_cancellations"] + b["is_canceled"]
    features.append({
        "lead_time_days": (date.fromisoformat(b["arrival_date"]) - date.fromisoformat(b["booked_on"])).days,
        "party_size": b["adults"] + (b["children"] or 0),
        "adr": b["adr"],
        "is_resort": b["hotel"] == "Resort Hotel",
        "has_deposit": b["deposit_type"] != "No Deposit",
        "guest_cancel_rate": cancellations / (b["previous_bookings"] + 1),
    })
sys.stdout.write("\n".join(map(json.dumps, features)) + "\n")
