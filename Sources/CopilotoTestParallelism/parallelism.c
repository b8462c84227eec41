// Caps how many tests Swift Testing runs at once, for every way the suite is started (`swift test`, `taskset -c 0
// swift test`, scripts/test.sh): four tests per core the process may run on.
//
// Swift Testing starts every test at once by default: ~330 tests, each with its own server and database. The work is
// CPU-bound either way, but with all of them in flight every await waits behind hundreds of others, and a test's own
// timeline stretched tenfold (issue #25: a model stream with a 26 s deadline took 65–77 s; on two cores the capped
// suite also finished sooner, 242 s against 273 s). Swift Testing reads the cap from the environment when it starts,
// so it is set by a constructor that runs when the test bundle is loaded, before the runner; a cap already in the
// environment wins.
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((constructor)) static void copiloto_cap_test_parallelism(void) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
#ifdef CPU_COUNT
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0) cores = CPU_COUNT(&set);
#endif
    if (cores < 1) cores = 1;
    char width[32];
    snprintf(width, sizeof(width), "%ld", cores * 4);
    setenv("SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH", width, 0);
}
