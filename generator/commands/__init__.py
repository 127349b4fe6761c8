"""The outermost layer: the `gongkai` command line (check, build, serve, report, estimate, urls, schema,
new, city). Nothing imports this package; it calls `generator.pipeline`."""

EXIT_OK = 0
EXIT_INVALID = 1  # content or build problems; diagnostics printed
EXIT_USAGE = 2  # bad command line
EXIT_SYSTEM = 3  # the machine: a full disk, no permission, a busy port; message printed, nothing published
EXIT_BUG = 70  # gongkai itself failed; the traceback only with --debug
EXIT_INTERRUPTED = 130  # Ctrl+C
EXIT_CODES_HELP = ("退出码：0 成功；1 内容或构建有问题（已列出）；2 命令行用法错误；3 系统问题（磁盘已满、没有权限、端口被占用）；"
                   "70 gongkai 内部错误；130 被 Ctrl+C 中断。加 --debug 可看到 Python 的出错细节。")
