"""Leaf helpers every layer may use, importing nothing of the project:
text folding (`text`), calendar arithmetic (`dates`), durable writes
(`files`), the safe XML parser (`xml`), the ZIP-bomb guard (`zipguard`),
the limits on hostile input (`limits`), external programs in their own
process group (`processes`) and load-once caches (`once`)."""
