"""A call in progress: state, slots, timers, events and rubric — pure, no I/O."""
