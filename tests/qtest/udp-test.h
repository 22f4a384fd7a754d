/*
 * A loopback UDP socket for the network qtests (virtio-net-test,
 * virtio-pci-test): the test holds one end of a netdev's datagrams.
 */
#ifndef UDP_TEST_H
#define UDP_TEST_H

#include <arpa/inet.h>
#include <glib.h>
#include <netinet/in.h>
#include <sys/socket.h>

/* A UDP socket on 127.0.0.1 with a port the kernel chose (in *@port). */
static inline int udp_socket(uint16_t *port)
{
    struct sockaddr_in sa = { .sin_family = AF_INET };
    socklen_t l = sizeof(sa);
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

    g_assert_cmpint(fd, >=, 0);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), ==, 0);
    g_assert_cmpint(getsockname(fd, (struct sockaddr *)&sa, &l), ==, 0);
    *port = ntohs(sa.sin_port);
    return fd;
}

#endif
