print("squint-bench: no benchmarks yet")
