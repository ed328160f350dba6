"use client";

/**
 * The last resort, when the document's own layout failed (for example the database is down while
 * the header reads the session). No translations are available here, so it speaks all three
 * languages. Inline styles are avoided (CSP); the stylesheet may be missing, so it stays plain.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="kk">
      <body>
        <main id="main">
          <h1>Бірдеңе дұрыс болмады</h1>
          <p>Қате тіркелді. Қайталап көріңіз немесе кейінірек оралыңыз.</p>
          <h2 lang="ru">Что-то пошло не так</h2>
          <p lang="ru">Ошибка зарегистрирована. Повторите попытку или вернитесь позже.</p>
          <h2 lang="en">Something went wrong</h2>
          <p lang="en">The error has been logged. Try again, or come back later.</p>
          <p>
            <button type="button" onClick={reset}>
              Қайталау / Повторить / Try again
            </button>{" "}
            <a href="/">Jas Grant</a>
          </p>
        </main>
      </body>
    </html>
  );
}
