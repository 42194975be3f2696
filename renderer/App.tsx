export function App() {
  return <div>Пресс-деск</div>;
}
