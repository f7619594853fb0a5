"""Development tooling: the catalogue benchmark (`make bench`) and the load benchmark
(`make loadtest`). Not part of the application: nothing in the apps imports it."""
