// Force-included into every file of a ThreadSanitizer build (CMakeLists.txt, -include), which
// compiles with -fvisibility=hidden. Abseil names a type by the address of
// absl::base_internal::FastTypeTag<T>::dummy_var, one copy per program; hidden, our programs
// kept a copy of their own for bool, and libabsl_flags_parse no longer recognised our bool
// flags as bool: `parley-ingest run --intake_queue --port_file=F` failed with "Illegal value
// '--port_file=F' specified for flag 'intake_queue'" (cluster_test under TSan). Declared with
// default visibility here, its instantiations for library and standard types are shared again.
#ifndef PARLEY_TESTS_TSAN_VISIBLE_TYPE_IDS_H
#define PARLEY_TESTS_TSAN_VISIBLE_TYPE_IDS_H

#pragma GCC visibility push(default)
#include "absl/base/internal/fast_type_id.h"
#pragma GCC visibility pop

#endif  // PARLEY_TESTS_TSAN_VISIBLE_TYPE_IDS_H
