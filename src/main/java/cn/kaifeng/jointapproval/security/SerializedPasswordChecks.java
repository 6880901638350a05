package cn.kaifeng.jointapproval.security;

import java.util.concurrent.locks.ReentrantLock;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * Camunda's identity service, but one password check per user at a time on this node. Camunda's
 * login delay reads the user's failed attempts, compares the password and writes the new lock in
 * one transaction without locking the row: twenty requests sent at the same moment would all be
 * compared before the first one's lock is stored, and the attempt counter would grow by one only.
 * Waiting here until the previous check has committed (the login endpoints call it outside any
 * transaction of their own) makes every parallel guess find the lock. Another node of the cluster
 * checks in parallel with this one, which leaves an attacker two guesses per delay, not twenty.
 * Striped locks keep the memory fixed whatever user names an attacker makes up; users sharing a
 * stripe wait for each other's few milliseconds.
 */
class SerializedPasswordChecks extends IdentityServiceImpl {

  private static final int STRIPES = 64;

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  SerializedPasswordChecks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId == null) {
      return super.checkPassword(userId, password);
    }
    var lock = locks[Math.floorMod(userId.hashCode(), STRIPES)];
    lock.lock();
    try {
      return super.checkPassword(userId, password);
    } finally {
      lock.unlock();
    }
  }
}
