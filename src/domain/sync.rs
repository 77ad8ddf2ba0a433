//! A team on one workspace (issue 21), the parts that are pure rules: CouchDB's revision
//! trees and winner rule (`rev_tree`), and exactly-once publishing across devices by claim
//! documents (`claim`). The replication itself (store and services) is not built yet.

pub mod claim;
pub mod rev_tree;
