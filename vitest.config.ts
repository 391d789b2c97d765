import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Packs narrate and installs the tarball once; CLI tests run that installed bin.
    globalSetup: ['tests/support/install-cli.ts'],
    // End-to-end tests run real ffmpeg and eSpeak NG on a 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
