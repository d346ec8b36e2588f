#!/usr/bin/env python3
"""Times GET requests against the running service over one keep-alive connection per query.

Usage: measure.py BASE_URL REPS WARMUP QUERIES_FILE
QUERIES_FILE lines: name<TAB>token-variable<TAB>path   (the token is read from the environment)
Prints one Markdown row per query: name, path, status, reps, p50, p99, max (ms), response bytes, total.
"""
import http.client, json, os, sys, time, urllib.parse

base, reps, warmup, queries = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
url = urllib.parse.urlparse(base)
timeout = float(os.environ.get("MEASURE_TIMEOUT", "600"))


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


for line in open(queries, encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    name, token_var, path = line.rstrip("\n").split("\t")
    headers = {"Authorization": "Bearer " + os.environ[token_var], "Accept": "application/json"}
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    times, status, size, total = [], None, 0, ""
    for i in range(warmup + reps):
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read()
        except OSError:  # a timeout: report it and go on with the next query
            print(f"| {name} | `{path}` | timeout | {len(times)} | > {timeout * 1000:.0f} | | | | |", flush=True)
            break
        elapsed = (time.perf_counter() - started) * 1000
        status, size = response.status, len(body)
        if i >= warmup:
            times.append(elapsed)
        if i == 0 and status == 200:
            try:
                answer = json.loads(body)
                listed = answer.get("lines", answer.get("cases", []))
                total = answer.get("total", listed if isinstance(listed, int) else len(listed))
            except (ValueError, AttributeError, TypeError):
                total = ""
    connection.close()
    if len(times) < reps:
        continue
    print(f"| {name} | `{path}` | {status} | {len(times)} | {percentile(times, 50):.1f} | {percentile(times, 99):.1f} "
          f"| {max(times):.1f} | {size} | {total} |", flush=True)
