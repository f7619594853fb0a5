"""A small HTTP load client: N threads, each with its own keep-alive connection
(http.client, which reconnects by itself when the server closes the connection), sending GET
requests drawn from a list of paths for a fixed duration. Standard library only.

The client runs in one Python process: its threads share one core at most, which is plenty for a
few hundred requests a second, and leaves the rest of the machine to the server it measures.
"""

import http.client
import random
import statistics
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Result:
    name: str
    seconds: float
    timings_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return len(self.timings_ms) + len(self.errors)

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        """The nearest-rank percentile of the successful requests' times."""
        timings = sorted(self.timings_ms)
        if not timings:
            return 0.0
        rank = max(1, round(fraction * len(timings) + 0.5))
        return timings[min(rank, len(timings)) - 1]

    def summary(self) -> dict:
        return {
            "name": self.name, "requests": self.requests, "seconds": round(self.seconds, 2),
            "requests_per_second": round(self.per_second, 1),
            "median_ms": round(statistics.median(self.timings_ms), 1) if self.timings_ms else None,
            "p95_ms": round(self.percentile(0.95), 1), "p99_ms": round(self.percentile(0.99), 1),
            "max_ms": round(max(self.timings_ms), 1) if self.timings_ms else None,
            "errors": len(self.errors), "first_errors": self.errors[:5],
        }


def _worker(host, port, paths, deadline, seed, result, lock, expect):
    rng = random.Random(seed)
    connection = http.client.HTTPConnection(host, port, timeout=30)
    timings, errors = [], []
    while time.perf_counter() < deadline:
        path = rng.choice(paths)
        began = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Accept-Encoding": "gzip", "User-Agent": "essaimage-loadtest"})
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - began) * 1000
            if response.status == expect:
                timings.append(elapsed)
            else:
                errors.append(f"{response.status} {path}")
        except (OSError, http.client.HTTPException) as error:
            errors.append(f"{type(error).__name__} {path}")
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.close()
    with lock:
        result.timings_ms.extend(timings)
        result.errors.extend(errors)


def run(name: str, paths: list[str], *, host: str, port: int, connections: int = 8, seconds: float = 20.0,
        seed: int = 1, expect: int = 200) -> Result:
    """Send requests for `seconds` over `connections` concurrent connections, each drawing its
    paths uniformly (with its own seeded generator) from `paths`."""
    lock = threading.Lock()
    began = time.perf_counter()
    deadline = began + seconds
    result = Result(name=name, seconds=seconds)
    threads = [threading.Thread(target=_worker,
                                args=(host, port, paths, deadline, seed * 1000 + n, result, lock, expect))
               for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - began
    return result
