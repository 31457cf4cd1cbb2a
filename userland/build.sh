#!/usr/bin/env bash
# Builds the guest programs: userland/lib into libnoreset.a, each userland/tests/*.c into
# OUT/<name>.elf, and copies the boot images (images/*.image) beside them.
# Usage: build.sh OUT_DIR ABI_INCLUDE_DIR   (ABI_INCLUDE_DIR holds noreset/abi.h)
# Without a 32-bit-capable gcc it prints why and exits 0, so the Java tests that need the
# programs skip with that reason instead of failing the build.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: build.sh OUT_DIR ABI_INCLUDE_DIR}"
abi="${2:?usage: build.sh OUT_DIR ABI_INCLUDE_DIR}"
CC="${CC:-gcc}"
mkdir -p "$out/obj"
rm -f "$out/SKIPPED"

skip() {
    echo "userland: SKIPPED: $1" | tee "$out/SKIPPED" >&2
    exit 0
}
command -v "$CC" >/dev/null 2>&1 || skip "no C compiler ($CC) on PATH"
[ -f "$abi/noreset/abi.h" ] || { echo "userland: $abi/noreset/abi.h missing (the tests module generates it from spec/abi)" >&2; exit 1; }
printf 'void _start(void) { for (;;) { } }\n' | "$CC" -m32 -ffreestanding -nostdlib -static -x c - \
    -o "$out/obj/probe.elf" 2>/dev/null || skip "$CC cannot compile and link 32-bit code (-m32)"

CFLAGS=(-m32 -ffreestanding -fno-pic -fno-pie -fno-stack-protector -nostdlib -static -O2
        -march=i686 -mgeneral-regs-only -fno-asynchronous-unwind-tables -Wall -Wextra
        -Wno-unused-parameter -Wno-comment -I "$here/lib/include" -I "$abi")
LDFLAGS=(-m32 -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-T,"$here/lib/link.ld")

objs=()
for src in "$here"/lib/*.c "$here"/lib/ipc.S; do
    o="$out/obj/lib-$(basename "$src").o"
    "$CC" "${CFLAGS[@]}" -c "$src" -o "$o"
    objs+=("$o")
done
rm -f "$out/libnoreset.a"
ar rcs "$out/libnoreset.a" "${objs[@]}"

crt0="$out/obj/crt0.o"
"$CC" "${CFLAGS[@]}" -c "$here/lib/crt0.S" -o "$crt0"
for src in "$here"/tests/*.c; do
    name="$(basename "$src" .c)"
    "$CC" "${CFLAGS[@]}" -c "$src" -o "$out/obj/$name.o"
    # crt0 first so _start opens the text segment; the library after the program.
    "$CC" "${LDFLAGS[@]}" -o "$out/$name.elf" "$crt0" "$out/obj/$name.o" "$out/libnoreset.a"
done
cp "$here"/images/*.image "$out"/
echo "userland: built $(ls "$out"/*.elf | wc -l) programs into $out"
