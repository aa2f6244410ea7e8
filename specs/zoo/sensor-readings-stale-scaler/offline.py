#!/usr/bin/env python3
"""Telemetry features for the pump-failure model. Reads readings line by line and writes one feature row each."""
import json
import sys
from datetime import datetime

# StandardScaler fitted on the Q2-2024 training window (scripts/fit_scaler.py), rounded for the config repo.
SCALER = {
    "vibration_rms": {"mean": 2.3361, "std": 0.7221},
    "bearing_temp_c": {"mean": 61.6475, "std": 4.6639},
}
PRESSURE_DEFAULT = 300.0


def scaled(reading, column):
    return (reading[column] - SCALER[column]["mean"]) / SCALER[column]["std"]


for line in sys.stdin:
    r = json.loads(line)
    pressure = r["pressure_kpa"]
    print(json.dumps({
        "vibration_z": scaled(r, "vibration_rms"),
        "bearing_temp_z": scaled(r, "bearing_temp_c"),
        "pressure_kpa": pressure if pressure is not None else PRESSURE_DEFAULT,
        "rpm_k": r["rpm"] / 1000,
        "hour_utc": datetime.fromisoformat(r["recorded_at"]).hour,
        "firmware_major": int(r["firmware"].split(".")[0]),
    }))
