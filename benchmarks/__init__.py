"""Benchmarks of the projectbot core (see README.md)."""
