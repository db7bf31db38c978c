// libFuzzer's entry point for programs with their own main (LLVM >= 12).
// SwiftPM links an executable target with `main` defined as `<Target>_main`, so each fuzz
// program defines that function and hands control to libFuzzer through this driver.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Prints the broken promise and aborts (libFuzzer then saves the input as a crash).
_Noreturn void fuzz_promise_broken(const char *what);
