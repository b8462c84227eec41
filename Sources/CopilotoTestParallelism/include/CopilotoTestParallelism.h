// Nothing to call: linking this target into the test bundle caps how many tests Swift Testing runs at once
// (see parallelism.c).
#pragma once
