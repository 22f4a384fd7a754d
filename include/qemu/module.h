/*
 * Start-up registration. type_init()/module_init() run a function before
 * main(), used to register QOM types and QMP commands. The registries they
 * call must therefore work without any prior initialization.
 */
#ifndef QEMU_MODULE_H
#define QEMU_MODULE_H

#define module_init(function)                                                  \
    static void __attribute__((constructor)) do_qemu_init_##function(void)     \
    {                                                                          \
        function();                                                            \
    }

#define type_init(function) module_init(function)

#endif
