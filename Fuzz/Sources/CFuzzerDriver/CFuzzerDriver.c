// The driver's declaration is in include/CFuzzerDriver.h; its definition is in libFuzzer.
// A promise broken without a crash is made a crash here, so that libFuzzer keeps the input.
#include "CFuzzerDriver.h"
#include <stdio.h>
#include <stdlib.h>

void fuzz_promise_broken(const char *what) {
    fprintf(stderr, "fuzz: promise broken: %s\n", what);
    abort();
}
