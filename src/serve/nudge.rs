//! Keeps tiny_http's connection threads from running out while a connection waits.
//!
//! tiny_http reads each connection on a thread from a pool that grows when no thread is idle.
//! But a thread woken for one new connection still counts as idle until it runs, so a second
//! connection arriving in that moment is queued rather than given a thread of its own, and
//! waits until some thread finishes what it is doing. Ordinary answers close their
//! connection, so their threads soon finish; an event stream keeps its thread for as long as
//! its page is open. Were every thread held like that, the queued connection would wait for
//! good: a page that never loads.
//!
//! So after each event stream begins, and now and then besides, careersite opens a connection
//! to itself and closes it at once. The pool must give it a thread, a new one if none is
//! idle, and that thread goes on to take whatever was left in the queue.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};
use std::time::Duration;

pub struct Nudge {
    server: SocketAddr,
}

impl Nudge {
    pub fn new(bound: SocketAddr) -> Self {
        // Bound to every address, the server is still reached on this computer's own.
        let ip = match bound.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
            ip => ip,
        };
        Nudge {
            server: SocketAddr::new(ip, bound.port()),
        }
    }

    /// Opens a connection to the server and closes it again.
    pub fn nudge(&self) {
        let _ = TcpStream::connect_timeout(&self.server, Duration::from_secs(1));
    }
}
