//! The names the preview answers to. A page on any site can point a name of its own at
//! 127.0.0.1 (DNS rebinding) and then read the preview as if it were that site's: its
//! unpublished pages, the compliance checklist, the reload stream. Its requests still carry that
//! name in `Host`, so only this computer's own names, with the port, are answered.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

pub struct Hosts {
    bound: SocketAddr,
}

impl Hosts {
    pub fn new(bound: SocketAddr) -> Self {
        Hosts { bound }
    }

    /// Whether a request with this `Host` header is answered.
    pub fn allow(&self, host: Option<&str>) -> bool {
        let Some((name, port)) = host.and_then(split_port) else {
            return false;
        };
        port == self.bound.port() && self.names_this_computer(name)
    }

    fn names_this_computer(&self, name: &str) -> bool {
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let ip = match name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
            Some(v6) => v6.parse::<Ipv6Addr>().ok().map(IpAddr::V6),
            None => name.parse::<Ipv4Addr>().ok().map(IpAddr::V4),
        };
        // Bound to every address (`--bind 0.0.0.0`), a phone asks for this computer by its
        // network address, which no rebinding page can put in `Host`: that is a name, not an
        // address.
        ip.is_some_and(|ip| {
            ip == Ipv4Addr::LOCALHOST
                || ip == Ipv6Addr::LOCALHOST
                || ip == self.bound.ip()
                || self.bound.ip().is_unspecified()
        })
    }
}

/// The name and port of a `Host` header; a browser leaves out port 80.
fn split_port(host: &str) -> Option<(&str, u16)> {
    match host.rsplit_once(':') {
        Some((name, port)) if !port.ends_with(']') => Some((name, port.parse().ok()?)),
        _ => Some((host, 80)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(bound: &str) -> Hosts {
        Hosts::new(bound.parse().unwrap())
    }

    #[test]
    fn this_computers_names_with_the_port_are_answered() {
        let loopback = hosts("127.0.0.1:1111");
        for host in [
            "localhost:1111",
            "LOCALHOST:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
        ] {
            assert!(loopback.allow(Some(host)), "{host}");
        }
        assert!(hosts("127.0.0.1:80").allow(Some("localhost")));
        assert!(hosts("192.168.1.5:1111").allow(Some("192.168.1.5:1111")));
        assert!(hosts("0.0.0.0:1111").allow(Some("192.168.1.5:1111")));
    }

    #[test]
    fn other_names_and_ports_are_refused() {
        let loopback = hosts("127.0.0.1:1111");
        for host in [
            "attacker.example:1111",
            "attacker.example",
            "localhost",
            "localhost:1112",
            "localhost.:1111",
            "127.0.0.1.nip.io:1111",
            "192.168.1.5:1111",
            "[::1]",
            "",
        ] {
            assert!(!loopback.allow(Some(host)), "{host}");
        }
        assert!(!loopback.allow(None));
        assert!(!hosts("0.0.0.0:1111").allow(Some("attacker.example:1111")));
    }
}
